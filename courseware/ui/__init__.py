"""Streamlit widgets that each draw one thing."""
