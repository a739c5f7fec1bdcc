"""Hand-written models for SeaTunnel 2.3.8."""
