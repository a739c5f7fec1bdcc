"""Generated sink option facts for SeaTunnel 2.3.8. DO NOT EDIT."""
