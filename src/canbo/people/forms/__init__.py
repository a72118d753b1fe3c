from .cadres import CadreForm

__all__ = ["CadreForm"]
