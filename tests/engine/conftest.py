"""Real-engine fixtures (`stconfig.testing.engine`); every test here carries the `engine` marker."""

from __future__ import annotations

from stconfig.testing.engine import seatunnel_master, seatunnel_master_url, seatunnel_tools

__all__ = ["seatunnel_master", "seatunnel_master_url", "seatunnel_tools"]
