"""Waiting in a page whose CSP forbids eval: Playwright's wait_for_function compiles its
predicate in the page with eval once it has to poll, so the condition is polled from here."""

from __future__ import annotations


def wait_until(page, expression: str, arg=None, timeout_ms: int = 10_000) -> None:
    """Return once ``expression`` (a JavaScript expression or arrow function taking ``arg``) is
    truthy in ``page``; AssertionError with the expression after ``timeout_ms``."""
    step = 50
    for _ in range(timeout_ms // step):
        if page.evaluate(expression, arg):
            return
        page.wait_for_timeout(step)
    raise AssertionError(f"toujours faux après {timeout_ms} ms : {expression}")
