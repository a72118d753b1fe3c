from .exports import ExportJob, ExportStatus
from .targets import Indicator, StructureTarget

__all__ = ["ExportJob", "ExportStatus", "Indicator", "StructureTarget"]
