"""A realistic demo: a province's real communes with ten years of cadres, posts, rotations and decisions.

Generation is plain Python with NumPy (`generate`, `simulate`, `history`, `names`); `writer` is the ORM side.
"""
