"""Prompt files, one per task; installed as the package data `assistant.prompts`.

Load them with `assistant.prompting.load_prompt`, never by path.
"""
