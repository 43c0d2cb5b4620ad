"""Extraction stages: each module turns a parsed article (a spaCy `Doc` whose character
offsets are offsets into `Article.text`) into one kind of record."""
