from .hand import hammer, saw
__all__ = ["hammer", "saw"]
