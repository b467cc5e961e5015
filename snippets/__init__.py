"""The code shown on the site: σ, σ′ and the step function, a perceptron and a sigmoid neuron."""

from .neuron import linear_output_change, output_gradient, perceptron, sigmoid_neuron
from .sigmoid import sigmoid, sigmoid_prime, step

__all__ = [
    "sigmoid",
    "sigmoid_prime",
    "step",
    "perceptron",
    "sigmoid_neuron",
    "output_gradient",
    "linear_output_change",
]
