"""One module per rule, named `stNNN_<name>.py`; importing a module registers its rule."""
