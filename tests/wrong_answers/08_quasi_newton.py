"""Plausible wrong answers: the student-edition test proves each check rejects them."""

WRONG = {
    "qn-ex-pd": """
def update_keeps_pd(H, s, y):
    H_new = bfgs_update(H, s, y)
    return bool(jnp.all(H_new > 0))  # positive entries, not eigenvalues
""",
    "qn-ex-sr1": """
def sr1_update(H, s, y, r=1e-8):
    return bfgs_update(H, s, y)  # secant, but rank two: not SR1
""",
    "qn-ex-damped": """
def damped_bfgs_update(B, s, y):
    Bs = B @ s
    sBs, sy = jnp.vdot(s, Bs), jnp.vdot(s, y)
    theta = jnp.where(sy >= 0, 1.0, 0.8 * sBs / (sBs - sy))  # threshold 0
    r = theta * y + (1 - theta) * Bs
    return B - jnp.outer(Bs, Bs) / sBs + jnp.outer(r, r) / jnp.vdot(s, r)
""",
    "qn-ex-gn": """
def gauss_newton(residual, theta0, steps):
    path = [theta0]
    for _ in range(steps):  # damped: Levenberg-Marquardt, not Gauss-Newton
        p, *_ = gauss_newton_step(residual, path[-1], damping=1e-2)
        path.append(path[-1] + p)
    return jnp.stack(path)
""",
}
