// "Train with a name…": the run's name and a description, stored with it and shown in the history.
import { useState } from 'react';
import { create } from 'zustand';
import { Modal } from '../ui/Modal';
import { startTraining } from '../runs/trainActions';
import { MAX_NAME } from '../../src-shared/apiSchemas';

export const useTrainDialog = create<{ open: boolean; setOpen(open: boolean): void }>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));

export function TrainDialog() {
  const open = useTrainDialog((s) => s.open);
  return open ? <TrainForm onClose={() => useTrainDialog.getState().setOpen(false)} /> : null;
}

function TrainForm({ onClose }: { onClose(): void }) {
  const [name, setName] = useState('');
  const [notes, setNotes] = useState('');
  const start = () => {
    onClose();
    void startTraining({ name, notes });
  };
  return (
    <Modal
      title="Train with a name"
      onClose={onClose}
      testId="train-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="train-form" className="button primary" data-testid="train-dialog-start">
            Train
          </button>
        </>
      }
    >
      <form
        id="train-form"
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
      >
        <div className="field">
          <label htmlFor="train-name">Name</label>
          <input
            id="train-name"
            autoFocus
            value={name}
            maxLength={MAX_NAME}
            placeholder="left empty: dataset, optimizer and time"
            onChange={(e) => setName(e.target.value)}
            data-testid="train-dialog-name"
          />
        </div>
        <div className="field">
          <label htmlFor="train-notes">Description</label>
          <textarea
            id="train-notes"
            value={notes}
            rows={4}
            maxLength={20_000}
            placeholder="What this run tries, e.g. “He init instead of Xavier”"
            onChange={(e) => setNotes(e.target.value)}
            data-testid="train-dialog-notes"
          />
        </div>
      </form>
    </Modal>
  );
}
