"""somevakt: run a Norwegian municipality's official social media accounts by its guideline."""

__version__ = "0.1.0"
