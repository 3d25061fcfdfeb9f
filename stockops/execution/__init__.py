"""stockops.execution engines."""
