"""Tests of answer."""
