"""axe-core on a Playwright page, with a failure message a person can act on."""

from axe_playwright_python.sync_playwright import Axe

# WCAG 2.1 A and AA, plus axe's best practices (landmarks, heading order, region, ...).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}

_axe = Axe()


def violations(page):
    """The axe violations on the page as it is now, as axe reports them."""
    return _axe.run(page, options=AXE_OPTIONS).response["violations"]


def summary(found, per_rule=5):
    """One line per violated rule, then its first elements: selector, what to fix, markup."""
    lines = []
    for violation in found:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} "
            f"<{violation['helpUrl']}>"
        )
        nodes = violation["nodes"]
        for node in nodes[:per_rule]:
            target = " ".join(str(selector) for selector in node["target"])
            fix = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {target}: {fix}")
            lines.append(f"      {node.get('html', '')[:200]}")
        if len(nodes) > per_rule:
            lines.append(f"    ... and {len(nodes) - per_rule} more elements")
    return "\n".join(lines)


def assert_no_violations(page):
    found = violations(page)
    assert not found, f"axe: {len(found)} rule(s) violated on {page.url}\n{summary(found)}"
