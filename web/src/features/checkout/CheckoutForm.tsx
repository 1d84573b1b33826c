import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { useNavigate } from 'react-router-dom';
import { z } from 'zod';
import { AddressFields, addressSchema } from '../../components/AddressFields';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { api, ApiError } from '../../lib/api';
import { t, testCards } from '../../lib/messages';
import { fieldErrors, problemMessage } from '../../lib/problem';
import type { NewOrder, PostalAddress } from '../../lib/types';
import { toOrderItems, type Cart } from '../cart/cart';
import { saveCart } from '../cart/store';
import { addressToForm, cleanAddress } from './address';
import { attemptFor, loadAttempt, saveAttempt } from './attempt';

const schema = z.object({
  address: addressSchema,
  cardToken: z.string().min(1, 'Escolha um cartão.'),
});
type Form = z.infer<typeof schema>;

/** How long the API may hold the answer until the order is decided (API.md: N ≤ 10). */
export const WAIT_SECONDS = 10;

/** The API's field path (deliveryAddress.postalCode) as this form names it (address.postalCode). */
function formField(apiField: string): Path<Form> | null {
  if (apiField.startsWith('deliveryAddress.')) return `address.${apiField.slice('deliveryAddress.'.length)}` as Path<Form>;
  if (apiField === 'payment.cardToken') return 'cardToken';
  return null;
}

export function CheckoutForm({ cart, profileAddress, blocked }: { cart: Cart; profileAddress?: PostalAddress | null; blocked: boolean }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [canRetry, setCanRetry] = useState(false);
  const inFlight = useRef(false);
  const { register, handleSubmit, formState, reset, setError: setFieldError, getValues } = useForm<Form>({
    resolver: zodResolver(schema),
    defaultValues: { address: addressToForm(profileAddress), cardToken: 'tok_approved' },
  });

  // the profile arrives after the first render: prefill once, unless the person already typed
  useEffect(() => {
    if (profileAddress && !formState.isDirty) reset({ address: addressToForm(profileAddress), cardToken: getValues('cardToken') });
  }, [profileAddress]); // eslint-disable-line react-hooks/exhaustive-deps

  const onSubmit = async (form: Form) => {
    if (inFlight.current) return; // a double click while the first is on its way
    inFlight.current = true;
    setError(null);
    setCanRetry(false);
    const order: NewOrder = {
      items: toOrderItems(cart),
      deliveryAddress: cleanAddress(form.address),
      payment: { cardToken: form.cardToken },
    };
    const attempt = attemptFor(order, loadAttempt());
    saveAttempt(attempt);
    try {
      const placed = await api.placeOrder(order, attempt.key, WAIT_SECONDS);
      saveAttempt(null);
      client.setQueryData(['order', placed.id], placed);
      client.invalidateQueries({ queryKey: ['orders'] });
      client.invalidateQueries({ queryKey: ['menu'] });
      // a refused order leaves the cart as it was, to change it and try again
      if (placed.status !== 'REJECTED' && placed.status !== 'CANCELLED') saveCart([]);
      navigate(`/pedido/${placed.id}`, { state: { justPlaced: true } });
    } catch (e) {
      if (!(e instanceof ApiError)) {
        setError(t.genericError);
      } else {
        let unmapped = false;
        for (const [field, message] of Object.entries(fieldErrors(e.problem))) {
          const name = formField(field);
          if (name) setFieldError(name, { message });
          else unmapped = true;
        }
        setError(
          unmapped ? `${problemMessage(e.problem)} ${e.problem.violations?.map((v) => v.message).join('; ')}` : problemMessage(e.problem),
        );
        // a lost answer or an unavailable service: the same attempt (same key) may be sent again safely
        setCanRetry(e.status === 0 || e.status === 429 || e.status >= 500);
      }
    } finally {
      inFlight.current = false;
    }
  };

  const errors = formState.errors;
  const busy = formState.isSubmitting;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="checkout" aria-busy={busy}>
      <fieldset>
        <legend>{t.deliveryAddress}</legend>
        <AddressFields register={register} errors={errors.address} prefix="address" />
      </fieldset>
      <Field label={t.card} error={errors.cardToken?.message}>
        <select {...register('cardToken')}>
          {testCards.map((card) => (
            <option key={card.token} value={card.token}>
              {card.label}
            </option>
          ))}
        </select>
      </Field>
      {error && <Alert kind="error">{error}</Alert>}
      <button type="submit" className="primary" disabled={busy || blocked || cart.length === 0}>
        {busy ? t.placing : canRetry ? t.retry : t.checkout}
      </button>
    </form>
  );
}
