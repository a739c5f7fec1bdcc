"""Generated sink models for SeaTunnel 2.3.8. DO NOT EDIT."""
