"""stockops.labor engines."""
