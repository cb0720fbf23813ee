"""Views of the registry: public directory and back office (thin: input, permission, service
or selector, render)."""
