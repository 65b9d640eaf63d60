"""The dictionaries and word lists every stage consults: CC-CEDICT, HSK, jieba's word table."""
