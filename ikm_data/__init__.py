"""Dasbor IKM NTB: the library behind the dashboard, the CLI and the tests.

Nothing in this package imports streamlit except ``ikm_data.ui``.
"""

__version__ = "0.1.0"
