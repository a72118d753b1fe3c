from .reports import FlowsForm, IndicatorsForm, StructureForm

__all__ = ["FlowsForm", "IndicatorsForm", "StructureForm"]
