"""Hand-written transform models for SeaTunnel 2.3.8."""
