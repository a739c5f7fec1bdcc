"""Hand-written source models for SeaTunnel 2.3.8."""
