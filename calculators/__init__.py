"""Pure calculators used by the course pages: one module each, no Streamlit imports."""
