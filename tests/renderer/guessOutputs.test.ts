import { describe, expect, it } from 'vitest';
import { guessOutputs } from '../../src-renderer/panels/guessOutputs';
import { listLosses } from '../../src-engine';

const taskOf = (name: string) => listLosses().find((l) => l.name === name)?.task;
/** The shapes dataset's columns: the class, then the box. */
const SHAPES = [
  { name: 'shape', classes: ['square', 'circle', 'triangle'] },
  { name: 'x' },
  { name: 'y' },
  { name: 'w' },
  { name: 'h' },
];

describe('guessing the outputs of a graph with several dead ends', () => {
  it('gives a head one unit per class the class column, and a four-unit head the four value columns', () => {
    const heads = [
      { node: 'class', width: 3 },
      { node: 'box', width: 4 },
    ];
    expect(guessOutputs(heads, SHAPES, 'cross_entropy', taskOf)).toEqual([
      { node: 'class', targets: ['shape'] },
      { node: 'box', loss: 'mse', targets: ['x', 'y', 'w', 'h'] },
    ]);
    // The graph's loss is kept where it fits the head: here the box's.
    expect(guessOutputs(heads, SHAPES, 'smooth_l1', taskOf)).toEqual([
      { node: 'class', loss: 'cross_entropy', targets: ['shape'] },
      { node: 'box', targets: ['x', 'y', 'w', 'h'] },
    ]);
  });

  it('reads one unit on a two-class column as a binary output', () => {
    const columns = [{ name: 'spam', classes: ['no', 'yes'] }, { name: 'score' }];
    expect(
      guessOutputs(
        [
          { node: 'p', width: 1 },
          { node: 'v', width: 1 },
        ],
        columns,
        'mse',
        taskOf,
      ),
    ).toEqual([
      { node: 'p', loss: 'binary_cross_entropy', targets: ['spam'] },
      { node: 'v', targets: ['score'] },
    ]);
  });

  it('gives a head that fits no column the next unused one, for the person to finish', () => {
    const heads = [
      { node: 'a', width: 3 },
      { node: 'b', width: 7 },
      { node: 'c', width: undefined },
    ];
    expect(guessOutputs(heads, SHAPES, 'cross_entropy', taskOf)).toEqual([
      { node: 'a', targets: ['shape'] },
      { node: 'b', targets: ['x'] },
      { node: 'c', targets: ['y'] },
    ]);
  });
});
