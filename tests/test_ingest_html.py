"""HTML pages read as a reader sees them: each paragraph once."""

from __future__ import annotations

import attrib

QUOTE = "“We cannot keep the boats running at a loss,” said operations manager Lena Hart."
# A page that serves one paragraph twice (a quote repeated as a call-out inside the story).
PAGE = f"""<html><head><title>Ferry fares rise again</title></head><body><article>
<h1>Ferry fares rise again</h1>
<p>Fares on the island ferry will rise by eight percent in April, the operator said on Monday.</p>
<p>{QUOTE}</p>
<p>Passengers who travel daily will pay about twelve euros more each month under the new tariff.</p>
<p>{QUOTE}</p>
<p>The council said it would ask the operator to freeze the fares for pensioners and students.</p>
</article></body></html>
"""


def test_a_paragraph_the_page_repeats_is_read_once(tmp_path):
    page = tmp_path / "fares.html"
    page.write_text(PAGE, encoding="utf-8")
    report = attrib.check(page)
    assert report.article.text.count("We cannot keep the boats running at a loss") == 1
    hart = [st for st in report.statements if "running at a loss" in st.content_text(report.article.text)]
    assert len(hart) == 1 and hart[0].source.resolved == "Lena Hart"
