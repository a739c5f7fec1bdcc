"""Hand-written sink models for SeaTunnel 2.3.8."""
