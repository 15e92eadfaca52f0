"""Every Vietnamese and English word of tourplan."""
