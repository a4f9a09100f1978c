"""Plausible wrong answers: the student-edition test proves each check rejects them."""

WRONG = {
    # Forgets that every output channel sees every input channel.
    "dg-ex-conv": """
def conv_params(in_features, out_features, kernel_size, use_bias=True):
    height, width = kernel_size
    return height * width * out_features + (out_features if use_bias else 0)
""",
    # The other smoothing convention: alpha spread over the K - 1 wrong classes only.
    "dg-ex-smooth": """
def smooth_loss(logits, labels, alpha):
    n_classes = logits.shape[-1]
    one_hot = jax.nn.one_hot(labels, n_classes)
    targets = (1 - alpha) * one_hot + alpha / (n_classes - 1) * (1 - one_hot)
    return -jnp.mean(jnp.sum(targets * jax.nn.log_softmax(logits), axis=-1))
""",
    # Compares each epoch with the previous one instead of with the best so far.
    "dg-ex-patience": """
def early_stopping(losses, patience, min_delta):
    previous, best_epoch = np.inf, 0
    for epoch, loss in enumerate(losses):
        if loss < previous - min_delta:
            best_epoch = epoch
        elif epoch - best_epoch >= patience:
            return best_epoch, epoch
        previous = loss
    return best_epoch, len(losses) - 1
""",
    # Averages one mean loss per batch: the short last batch counts as much as a full one.
    # (The check's Spy model also rejects `return evaluate(model, images, labels)`.)
    "dg-ex-eval": """
def evaluate_batched(model, images, labels, batch_size):
    model.eval()
    metrics = new_metrics()
    for x, y in DataLoader(images, labels, batch_size, shuffle=False):
        loss, logits = loss_fn(model, x, y)
        metrics.update(loss=loss, logits=logits, labels=y)
    return {name: float(v) for name, v in metrics.compute().items()}
""",
}
