"""Plausible wrong answers: the student-edition test proves each check rejects them."""

WRONG = {
    "lr-ex-normal": """
def normal_equations(X, Y):
    return jnp.linalg.lstsq(X, Y)[0]   # right numbers, but not the normal equations
""",
    "lr-ex-momentum": """
def heavy_ball_descent(grad_fn, theta, eta, beta, steps):
    velocity = jnp.zeros_like(theta)
    for _ in range(steps):
        # an exponential moving average, not Optax's (and the task's) velocity
        velocity = beta * velocity + (1 - beta) * grad_fn(theta)
        theta = theta - eta * velocity
    return theta
""",
    "lr-ex-stable": """
def max_stable_step(H):
    return 1 / jnp.linalg.eigvalsh(H)[-1]   # 1/L, not 2/L


eta_max = max_stable_step(hessian_raw)
end_below = descend(area, price, 200, 0.95 * eta_max)[-1]
end_above = descend(area, price, 200, 1.05 * eta_max)[-1]
loss_below = mse_line(end_below[0], end_below[1], area, price)
loss_above = mse_line(end_above[0], end_above[1], area, price)
""",
    "lr-ex-ridge": """
def ridge_loss(theta, X, Y, lam=0.1):
    return mse(theta, X, Y) + lam * jnp.sum(theta**2)


theta_ridge_exact = jnp.linalg.solve(
    X_noisy.T @ X_noisy / N + 0.1 * jnp.eye(M), X_noisy.T @ Y_noisy / N
)
theta_ridge = theta_ridge_exact   # the exact answer, not the training run
""",
}
