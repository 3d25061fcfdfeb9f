"""stockops.policy engines."""
