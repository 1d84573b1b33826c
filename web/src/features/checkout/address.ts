import type { AddressForm } from '../../components/AddressFields';
import type { PostalAddress } from '../../lib/types';

/** The form's address as the API takes it: trimmed, UF in capitals, no empty complement. */
export function cleanAddress(form: AddressForm): PostalAddress {
  const complement = form.complement?.trim();
  return {
    street: form.street.trim(),
    number: form.number.trim(),
    ...(complement ? { complement } : {}),
    district: form.district.trim(),
    city: form.city.trim(),
    state: form.state.trim().toUpperCase(),
    postalCode: form.postalCode.trim(),
  };
}

export function addressToForm(address: PostalAddress | null | undefined): AddressForm {
  return {
    street: address?.street ?? '',
    number: address?.number ?? '',
    complement: address?.complement ?? '',
    district: address?.district ?? '',
    city: address?.city ?? '',
    state: address?.state ?? '',
    postalCode: address?.postalCode ?? '',
  };
}

export function formatAddress(a: PostalAddress): string {
  return `${a.street}, ${a.number}${a.complement ? ` (${a.complement})` : ''} — ${a.district}, ${a.city}/${a.state}, CEP ${a.postalCode}`;
}
