"""Every action in the command palette: the bindings of the screen in view, named as in the footer."""

from __future__ import annotations

from textual.app import SystemCommand


def binding_commands(app, screen):
    seen = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        node = active.node
        if not binding.description or (id(node), binding.action) in seen or not active.enabled:
            continue
        seen.add((id(node), binding.action))

        def run(action=binding.action, node=node):
            app.call_later(app.run_action, action, node)

        yield SystemCommand(binding.description, f"{binding.id or binding.action} · {key}", run)
