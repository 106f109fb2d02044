"""One module per `mpforge` command."""
