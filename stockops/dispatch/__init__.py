"""stockops.dispatch engines."""
