"""One map, built once as a model and drawn two ways: live in the browser (`deck`) and as files (`static`).

`camera` frames it, `seats` places markers and labels, `outlines` thins the basemap, `model` assembles
what one map shows; the renderers only translate.
"""
