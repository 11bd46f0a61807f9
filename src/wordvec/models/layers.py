"""Custom Keras layers, registered so bundles load with ``safe_mode=True``.

Written with ``keras.ops`` only, so they run on every Keras backend.
"""

from __future__ import annotations

from typing import Any

from wordvec._backend import import_keras

keras = import_keras()
ops = keras.ops


@keras.saving.register_keras_serializable(package="wordvec")
class MaskedAverage(keras.layers.Layer):
    """Average of the unmasked time steps; an all-padding text averages to zeros, not NaN.

    Keras' ``GlobalAveragePooling1D`` divides by the number of unmasked steps and returns NaN
    for a text whose tokens are all out of vocabulary, which poisons the whole batch.

    Example:
        >>> x = keras.ops.ones((2, 3, 4)); mask = keras.ops.array([[1, 1, 0], [0, 0, 0]], "bool")
        >>> keras.ops.convert_to_numpy(MaskedAverage()(x, mask=mask))[:, 0].tolist()
        [1.0, 0.0]
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.supports_masking = True

    def call(self, inputs: Any, mask: Any = None) -> Any:
        if mask is None:
            return ops.mean(inputs, axis=1)
        weights = ops.expand_dims(ops.cast(mask, inputs.dtype), -1)
        total = ops.sum(inputs * weights, axis=1)
        count = ops.maximum(ops.sum(weights, axis=1), 1.0)
        return total / count

    def compute_mask(self, inputs: Any, mask: Any = None) -> None:
        return None

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        return (input_shape[0], input_shape[2])
