"""The tests are packages, so test files in different folders may share a name."""
