__all__ = ["exported"]
exported = "in __all__"
hidden = "not exported"
