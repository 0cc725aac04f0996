"""Answering one question, as one linear pipeline over a typed state (``pipeline``):

understand (``question``) → scope (``scope``) → retrieve (``retrieve``) → select (``select``) →
compose (``compose``, ``narrative``, ``wording``) → check (``bot.checks``) → optional LLM rewording
(``llm``). ``result`` holds what an answer is made of: ``Answer``, ``Figure``, ``Citation``.
"""
