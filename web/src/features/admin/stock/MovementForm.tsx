import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch, type Path } from 'react-hook-form';
import { z } from 'zod';
import { Alert } from '../../../components/Alert';
import { Field } from '../../../components/Field';
import { ApiError } from '../../../lib/api';
import { a, movementConflicts, movementTypes, units } from '../../../lib/messages';
import { fieldErrors } from '../../../lib/problem';
import type { Ingredient, MovementType } from '../../../lib/types';
import { problemSlug, problemText } from '../common';
import { useMoveStock } from './api';

const schema = z
  .object({
    type: z.enum(['RESTOCK', 'WASTE', 'ADJUSTMENT']),
    quantity: z.string().trim().regex(/^[-−]?\d+$/, a.quantityRequired),
    reason: z.string().trim().min(1, a.reasonRequired).max(500),
  })
  .superRefine((form, ctx) => {
    const quantity = toQuantity(form.quantity);
    if (form.type !== 'ADJUSTMENT' && quantity <= 0) ctx.addIssue({ code: 'custom', path: ['quantity'], message: a.quantityPositive });
    if (form.type === 'ADJUSTMENT' && quantity === 0) ctx.addIssue({ code: 'custom', path: ['quantity'], message: a.quantityNonZero });
  });
type Form = z.infer<typeof schema>;

function toQuantity(text: string): number {
  return Number(text.trim().replace('−', '-'));
}

/**
 * A restock, a waste or an adjustment, always with a reason (it stays in the ledger). A 409 (the stock would go
 * negative, or below what is held for orders) is said next to the quantity.
 */
export function MovementForm({ ingredient }: { ingredient: Ingredient }) {
  const move = useMoveStock(ingredient.sku);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, formState, reset, setError: setFieldError, control } = useForm<Form>({
    resolver: zodResolver(schema),
    defaultValues: { type: 'RESTOCK', quantity: '', reason: '' },
  });
  const type = useWatch({ control, name: 'type' });

  const onSubmit = async (form: Form) => {
    setDone(null);
    setError(null);
    try {
      await move.mutateAsync({ type: form.type as MovementType, quantity: toQuantity(form.quantity), reason: form.reason.trim() });
      setDone(a.recorded);
      reset({ type: form.type, quantity: '', reason: '' });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        const message = movementConflicts[problemSlug(e) ?? ''] ?? problemText(e);
        setFieldError('quantity', { message });
        return setError(message);
      }
      if (e instanceof ApiError) {
        for (const [field, message] of Object.entries(fieldErrors(e.problem))) {
          if (field === 'type' || field === 'quantity' || field === 'reason') setFieldError(field as Path<Form>, { message });
        }
      }
      setError(problemText(e));
    }
  };

  const errors = formState.errors;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="movement" aria-label={a.movement}>
      <div className="row">
        <Field label={a.movementType} error={errors.type?.message}>
          <select {...register('type')}>
            {(Object.keys(movementTypes) as MovementType[]).map((m) => (
              <option key={m} value={m}>
                {movementTypes[m]}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={a.quantityIn(units[ingredient.unit] ?? ingredient.unit)}
          error={errors.quantity?.message}
          hint={type === 'ADJUSTMENT' ? a.adjustmentHint : undefined}
        >
          <input inputMode="numeric" autoComplete="off" {...register('quantity')} />
        </Field>
      </div>
      <Field label={a.reason} error={errors.reason?.message} hint={a.reasonHint}>
        <input autoComplete="off" maxLength={500} {...register('reason')} />
      </Field>
      {error && <Alert kind="error">{error}</Alert>}
      {done && <Alert kind="success">{done}</Alert>}
      <button type="submit" className="primary" disabled={formState.isSubmitting}>
        {a.record}
      </button>
    </form>
  );
}
