#!/usr/bin/env python3
"""How far a trained classifier gets on WikiWeasel, beside attrib's rules: the ceiling
that issue 9's target (sentence-level F1 >= 0.65 on the held-out part of train) is
measured against.

    pip install -e '.[bench]'                     # scikit-learn, for this script only
    PYTHONPATH=src python bench/weasel_ceiling.py

Same corpus, same fixed split as bench/learn_weasel_cues.py (seed 2010, a quarter held
out). Three supervised models are trained on the learning part only: a linear SVM and a
logistic regression over word 1-3-gram tf-idf, and the logistic regression again with the
rule ids attrib raises in the sentence as extra features (the rules plus everything the
words say). Each decision threshold is chosen by 5-fold cross-validation on the learning
part; the figure with the threshold picked on the held-out part itself is printed beside
it, as an upper bound no honest run can reach. attrib's own figure (rules only, no
training on the sentences) is printed for comparison. The CoNLL-2010 shared task's best
Wikipedia system reached 0.602 on its own test set.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

import attrib
from _common import WEASEL_CATEGORIES
from learn_weasel_cues import CORPUS, FILES, load, split

try:
    import numpy as np
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold
    from sklearn.preprocessing import MultiLabelBinarizer
    from sklearn.svm import LinearSVC
except ImportError:
    sys.exit("this bench needs scikit-learn: pip install -e '.[bench]'")

THRESHOLDS = np.linspace(-1.0, 1.0, 41)  # on the decision function, centred at 0


def scores(model, a, b) -> np.ndarray:
    fitted = model.fit(a[0], a[1])
    if hasattr(fitted, "predict_proba"):  # a probability, centred like a decision function
        return fitted.predict_proba(b)[:, 1] * 2 - 1
    return fitted.decision_function(b)


def cv_threshold(make: Callable[[], object], x, y: np.ndarray) -> float:
    """The threshold with the best F1 over 5 folds of the learning part."""
    totals = np.zeros(len(THRESHOLDS))
    for train, test in StratifiedKFold(5, shuffle=True, random_state=2010).split(x, y):
        s = scores(make(), (x[train], y[train]), x[test])
        totals += [f1_score(y[test], s > t) for t in THRESHOLDS]
    return float(THRESHOLDS[int(totals.argmax())])


def rule_ids(checker: attrib.Checker, texts: Sequence[str]) -> list[list[str]]:
    return [sorted({f.rule for f in checker.check(t).flags}) for t in texts]


def main() -> int:
    if not all((CORPUS / f).is_file() for f in FILES.values()):
        sys.exit(f"WikiWeasel is not available at {CORPUS} (set ATTRIB_SHARED): nothing to measure.")
    learn_part, held = split(load())
    texts, y = [t for t, _ in learn_part], np.array([u for _, u in learn_part])
    held_texts, held_y = [t for t, _ in held], np.array([u for _, u in held])
    checker = attrib.Checker()
    rules, held_rules = rule_ids(checker, texts), rule_ids(checker, held_texts)

    flagged = [bool({f.category for f in checker.check(t).flags} & WEASEL_CATEGORIES) for t in held_texts]
    print(f"held-out part of train: {len(held)} sentences ({held_y.sum()} uncertain)")
    print(f"  attrib's rules (no training on the sentences)      F1 {f1_score(held_y, flagged):.3f}")

    words = TfidfVectorizer(ngram_range=(1, 3), sublinear_tf=True, min_df=2)
    x, held_x = words.fit_transform(texts), words.transform(held_texts)
    ids = MultiLabelBinarizer().fit(rules + held_rules)
    xr = sparse.hstack([x, ids.transform(rules)]).tocsr()
    held_xr = sparse.hstack([held_x, ids.transform(held_rules)]).tocsr()
    models = [
        ("linear SVM, word 1-3-grams", lambda: LinearSVC(C=0.1, class_weight="balanced"), x, held_x),
        ("logistic regression, word 1-3-grams", lambda: LogisticRegression(C=1, max_iter=3000, class_weight="balanced"), x, held_x),
        ("logistic regression, 1-3-grams + attrib's rule ids", lambda: LogisticRegression(C=3, max_iter=3000, class_weight="balanced"), xr, held_xr),
    ]
    for name, make, a, b in models:
        threshold = cv_threshold(make, a, y)
        s = scores(make(), (a, y), b)
        honest = f1_score(held_y, s > threshold)
        best = max(f1_score(held_y, s > t) for t in THRESHOLDS)
        print(f"  {name:<51} F1 {honest:.3f}  (threshold picked on the held-out part: {best:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
