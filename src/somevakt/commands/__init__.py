"""CLI subcommands, one module per area, registered in somevakt.cli."""
