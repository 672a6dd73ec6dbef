'use client';

import dynamic from 'next/dynamic';

/**
 * The troubleshooter's two signed-in islands, loaded only on the steps that render them. Imported
 * directly, their code (and react-query with it) would ship with every step, although anonymous
 * visitors, the troubleshooter's most common case, never see either. Still rendered on the server.
 */
export const LiveAppStatus = dynamic(() => import('./LiveAppStatus').then((module) => module.LiveAppStatus));
export const RequestAccess = dynamic(() => import('./RequestAccess').then((module) => module.RequestAccess));
