"""Embedding matrices (numpy only) and model heads (Keras, imported on use)."""
