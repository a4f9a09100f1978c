"""Plausible wrong answers: the student-edition test proves each check rejects them."""

WRONG = {
    "nnx-ex-count": """
def count_params(model):
    params = nnx.state(model, nnx.Param)
    return len(jax.tree.leaves(params))   # counts arrays, not numbers


n_params = count_params(models["128 x 3 layers"])
""",
    "nnx-ex-bias": """
biased = nnx.Linear(M, 1, use_bias=False, rngs=nnx.Rngs(1))   # no bias at all
biased_opt = nnx.Optimizer(biased, optax.sgd(1e-2), wrt=nnx.Param)
for epoch in range(20):
    for X_batch, Y_batch in DataLoader(X, Y + 2.0, batch_size=16,
                                       key=jax.random.key(epoch)):
        train_step(biased, biased_opt, X_batch, Y_batch)
""",
    "nnx-ex-early": """
val_big = curves["128 x 3 layers"][1]
best_step = int(jnp.argmin(val_big))
early = models["128 x 3 layers"]   # the final parameters, not the best ones
""",
    # The in-place version, state_c["kernel"][...] *= 2, is the commoner mistake, but
    # run here it would change `custom` in the kernel the rest of the test run uses.
    "nnx-ex-split": """
graphdef_c, state_c = nnx.split(custom)
state_2 = jax.tree.map(lambda p: 2 * p, state_c)
doubled = nnx.merge(graphdef_c, state_c)   # merges the old state: a view of custom
""",
}
