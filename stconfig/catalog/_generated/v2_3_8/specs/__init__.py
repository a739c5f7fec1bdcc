"""Generated option facts (no pydantic) for SeaTunnel 2.3.8. DO NOT EDIT."""
